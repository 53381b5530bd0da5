//! `print:` in site.yaml: what a site says about its printed booklets over its theme's print
//! settings. For now the output condition of the print-shop editions (`output_intent:`): the
//! press and paper the print shop prints on, named and described by its ICC profile.

use std::path::PathBuf;

use serde::Deserialize;

/// `print:` in site.yaml.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SitePrint {
    /// The printing condition of the `*.print.pdf` editions; absent: the theme's, else FOGRA39.
    #[serde(default)]
    pub output_intent: Option<OutputCondition>,
}

/// `output_intent: { name: FOGRA51, profile: icc/PSOcoated_v3.icc }`: the printing condition a
/// PDF/X file is made for, as its `/OutputIntents` names it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputCondition {
    /// The condition's identifier as print shops and the ICC registry write it (`FOGRA51`).
    pub name: String,
    /// Its CMYK ICC profile, relative to the folder of the file that names it (the site folder
    /// for site.yaml, the theme folder for theme.yaml) and inside that folder.
    pub profile: PathBuf,
    /// A human-readable description; absent: the profile's own.
    #[serde(default)]
    pub info: Option<String>,
}
