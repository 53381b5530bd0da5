//! Embeds the default theme (`themes/default/`) and the vendored Decap CMS (`vendor/decap-cms/`)
//! into the binary, so `egiz init`, every build and the web editor work from the binary alone.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read at run time, not with env!(): a build script binary copied along with a target/
    // folder from another checkout would otherwise embed that checkout's theme.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("themes").join("default");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let code = files_table(
        "Files of the built-in default theme: (path inside the theme, bytes).",
        files,
    );
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("default_theme.rs"), code)
        .expect("OUT_DIR is writable");
    embed_decap(Path::new(&manifest_dir), Path::new(&out_dir));
}

/// The files of the web editor as `output/admin/` gets them: the whole `dist/` (the bundle loads
/// its chunks and `.wasm` from beside itself), our interface strings and the licence.
fn embed_decap(manifest_dir: &Path, out_dir: &Path) {
    let vendor = manifest_dir.join("vendor").join("decap-cms");
    println!("cargo:rerun-if-changed={}", vendor.display());
    let mut files = Vec::new();
    for folder in ["dist", "locales"] {
        let dir = vendor.join(folder);
        collect(&dir, &dir, &mut files);
    }
    let licence = vendor.join("LICENSE");
    println!("cargo:rerun-if-changed={}", licence.display());
    files.push((
        "LICENSE.txt".to_string(),
        licence.to_string_lossy().to_string(),
    ));
    let mut code = files_table(
        "Files of the vendored Decap CMS for `output/admin/`: (file name, bytes).",
        files,
    );
    let version = std::fs::read_to_string(vendor.join("VERSION")).unwrap_or_default();
    let _ = writeln!(
        code,
        "/// The vendored Decap CMS version.\npub(crate) const VERSION: &str = {:?};",
        version.trim()
    );
    std::fs::write(out_dir.join("decap.rs"), code).expect("OUT_DIR is writable");
}

/// Rust code for a `FILES` table of (name, bytes) that includes each file, sorted by name;
/// cargo reruns the script when one of them changes.
fn files_table(doc: &str, mut files: Vec<(String, String)>) -> String {
    files.sort();
    let mut code = format!("/// {doc}\npub(crate) static FILES: &[(&str, &[u8])] = &[\n");
    for (relative, absolute) in &files {
        println!("cargo:rerun-if-changed={absolute}");
        let _ = writeln!(code, "    ({relative:?}, include_bytes!({absolute:?})),");
    }
    code.push_str("];\n");
    code
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(relative) = path.strip_prefix(root) {
            let relative = relative.to_string_lossy().replace('\\', "/");
            files.push((relative, path.to_string_lossy().to_string()));
        }
    }
}
