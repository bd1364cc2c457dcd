//! Files and folders only their owner can read: journals, the store and
//! transcripts hold ratings (distress, confidence), which are health data.
//!
//! The mode is given at creation, not set afterwards, so no other user can
//! open a file in the moment between its creation and a `chmod`. Like the
//! rest of the program this uses Unix modes.

use std::fs::{DirBuilder, File, OpenOptions, Permissions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// A private folder's mode: its owner only.
pub const DIR_MODE: u32 = 0o700;
/// A private file's mode: its owner reads and writes, nobody else.
pub const FILE_MODE: u32 = 0o600;

/// What [`create_file`] does when the file is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateMode {
    /// Fail: the file must be new (a journal never overwrites another).
    New,
    /// Empty it (a transcript written again).
    Truncate,
    /// Keep it and its contents as they are (a database opened again).
    Keep,
}

/// Creates `path` and any folders above it missing, each only its owner
/// can enter. A folder that is already there is made private too: the
/// data folder may have been made by hand, or by an older version.
pub fn create_dir(path: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(DIR_MODE).create(path)?;
    std::fs::set_permissions(path, Permissions::from_mode(DIR_MODE))
}

/// Creates whichever folders of `path` are missing, each only its owner
/// can enter, and leaves those already there as they are: a transcript
/// may be written into a shared folder such as /tmp, whose mode is not
/// ours to change.
pub fn create_missing_dirs(path: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(DIR_MODE).create(path)
}

/// Opens `path` for writing, creating it private ([`FILE_MODE`]) from its
/// first byte. An existing file's mode is left alone; `mode` says what
/// happens to its contents.
pub fn create_file(path: &Path, mode: CreateMode) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).mode(FILE_MODE);
    match mode {
        CreateMode::New => options.create_new(true),
        CreateMode::Truncate => options.create(true).truncate(true),
        CreateMode::Keep => options.create(true).truncate(false),
    };
    options.open(path)
}

/// Replaces `path` whole with what `write` writes, private from its first
/// byte, or leaves it as it was. The bytes go to a new temporary file in
/// the same folder, created exclusively under a name no one can guess
/// beforehand (so nothing placed there first, a link say, is written
/// through), synced, renamed over `path`, and the folder synced. On any
/// failure the temporary file is removed. A `path` that is there but is
/// not a file (a folder, a device such as /dev/null) is refused: renaming
/// over it would replace it.
pub fn replace_whole<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<T>,
) -> io::Result<T> {
    use std::hash::{BuildHasher, Hasher};

    if path.exists() && !path.is_file() {
        return Err(io::Error::other("it is not a file"));
    }
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    // The standard library's per-process random keys: unguessable, and no clock.
    let unguessable = std::collections::hash_map::RandomState::new().build_hasher().finish();
    let temp = path.with_file_name(format!(".{}.{unguessable:016x}.partial", name.to_string_lossy()));
    let file = create_file(&temp, CreateMode::New)?;
    let written = (|| {
        let mut out = io::BufWriter::new(file);
        let value = write(&mut out)?;
        out.into_inner().map_err(io::IntoInnerError::into_error)?.sync_all()?;
        std::fs::rename(&temp, path)?;
        // The rename itself is on disk only once the folder is.
        let folder = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        File::open(folder)?.sync_all()?;
        Ok(value)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn mode_of(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_are_private_also_above_and_when_already_there() {
        let tmp = tempfile::tempdir().unwrap();
        let deep = tmp.path().join("data/journals/imported");
        create_dir(&deep).unwrap();
        assert_eq!(mode_of(&deep), DIR_MODE);
        assert_eq!(mode_of(&tmp.path().join("data/journals")), DIR_MODE);
        // One made open by hand is closed again.
        std::fs::set_permissions(&deep, Permissions::from_mode(0o755)).unwrap();
        create_dir(&deep).unwrap();
        assert_eq!(mode_of(&deep), DIR_MODE);
    }

    #[test]
    fn missing_folders_are_made_private_and_a_shared_one_is_left_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let shared = tmp.path().join("shared");
        std::fs::create_dir(&shared).unwrap();
        std::fs::set_permissions(&shared, Permissions::from_mode(0o1777)).unwrap();
        let mine = shared.join("transcripts/today");
        create_missing_dirs(&mine).unwrap();
        assert_eq!(mode_of(&mine), DIR_MODE);
        assert_eq!(mode_of(&shared.join("transcripts")), DIR_MODE);
        let shared_mode = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o7777;
        assert_eq!(shared_mode, 0o1777, "a folder already there keeps its mode");
    }

    #[test]
    fn files_are_private_from_their_first_byte() {
        let tmp = tempfile::tempdir().unwrap();
        for (name, mode) in
            [("new", CreateMode::New), ("truncate", CreateMode::Truncate), ("keep", CreateMode::Keep)]
        {
            let path = tmp.path().join(name);
            create_file(&path, mode).unwrap().write_all(b"ratings").unwrap();
            assert_eq!(mode_of(&path), FILE_MODE, "{name}");
        }
    }

    #[test]
    fn an_existing_file_is_refused_emptied_or_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("f");
        std::fs::write(&path, b"kept").unwrap();
        let err = create_file(&path, CreateMode::New).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        create_file(&path, CreateMode::Keep).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"kept");
        create_file(&path, CreateMode::Truncate).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"");
    }

    #[test]
    fn a_file_is_replaced_whole_and_private_or_left_as_it_was() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("report.html");
        std::fs::write(&path, "old").unwrap();
        let failed = replace_whole(&path, |w| {
            w.write_all(b"half")?;
            Err::<(), _>(io::Error::other("stopped"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(replace_whole(&path, |w| w.write_all(b"new").map(|()| 3)).unwrap(), 3);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(mode_of(&path), FILE_MODE);
        // A folder is never renamed over, and nothing is left beside it.
        let folder = tmp.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        let refused = replace_whole(&folder, |w| w.write_all(b"x")).unwrap_err();
        assert_eq!(refused.to_string(), "it is not a file");
        let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
