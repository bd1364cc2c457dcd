# (filled in as the words move here)
