//! Wall-clock time, for naming files and stamping when a session started.
//! The session core never reads it: session time always comes in as input.

/// Milliseconds since 1970 (UTC); 0 if the clock is before then.
pub fn now_unix_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

/// (`YYYYMMDD`, `HHMMSS`) in UTC, from seconds since 1970, by the
/// days-to-civil-date method (proleptic Gregorian calendar).
pub fn utc_date_time(unix_secs: u64) -> (String, String) {
    let days = (unix_secs / 86_400) as i64;
    let rem = unix_secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        format!("{year:04}{month:02}{day:02}"),
        format!("{:02}{:02}{:02}", rem / 3600, (rem / 60) % 60, rem % 60),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_dates() {
        assert_eq!(super::utc_date_time(0), ("19700101".into(), "000000".into()));
        assert_eq!(super::utc_date_time(1_795_435_200), ("20261123".into(), "120000".into()));
        assert_eq!(super::utc_date_time(951_782_400), ("20000229".into(), "000000".into()));
    }
}
