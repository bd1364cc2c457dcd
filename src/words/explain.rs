//! Errors in words: what went wrong, said in the reader's language.
//!
//! An error type of the core implements [`Explain`] with messages from the
//! Fluent files; its `Display` (what logs and `?` chains show) is the same
//! message in English, through [`english_display!`](crate::english_display),
//! so each sentence is written once, in the `.ftl` files.

use super::Lang;

/// What went wrong, in `lang`.
pub trait Explain {
    fn explain(&self, lang: Lang) -> String;
}

impl<T: Explain + ?Sized> Explain for &T {
    fn explain(&self, lang: Lang) -> String {
        (**self).explain(lang)
    }
}

/// `Display` as the English explanation: `english_display!(StoreError);`.
#[macro_export]
macro_rules! english_display {
    ($($t:ty),+ $(,)?) => {$(
        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&$crate::words::Explain::explain(self, $crate::words::Lang::En))
            }
        }
    )+};
}
