//! What makes a print-shop file PDF/X-4 (ISO 15930-7:2010), added in the lopdf pass: the output
//! intent with its CMYK profile, the XMP metadata with the version key (and the Info keys
//! that must agree with it), `/Trapped /False` (egiz does not trap; the print shop may), PDF
//! 1.6, and the `/All` separation the crop marks are drawn in. The page boxes and fonts are
//! the writer's work already; [`super::ops`] draws every colour in CMYK.

use crate::markup::escape;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::fixup::{Fnv, Meta};
use super::icc::OutputIntent;
use super::ops::REGISTRATION_SPACE;

/// The version key's value.
pub(super) const VERSION: &str = "PDF/X-4";

/// Turns the written document into PDF/X-4 for `intent`.
pub(super) fn apply(doc: &mut Document, intent: &OutputIntent, meta: &Meta) {
    // PDF/X-4 is based on PDF 1.6; nothing egiz writes needs more.
    doc.version = "1.6".to_string();
    let intent_id = output_intent(doc, intent);
    let metadata = doc.add_object(Object::Stream(xmp_stream(meta)));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set(
            "OutputIntents",
            Object::Array(vec![Object::Reference(intent_id)]),
        );
        catalog.set("Metadata", Object::Reference(metadata));
    }
    if let Ok(id) = doc.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(info) = doc.get_dictionary_mut(id)
    {
        info.set("GTS_PDFXVersion", Object::string_literal(VERSION));
        info.set("Trapped", Object::Name(b"False".to_vec()));
    }
    registration_space(doc);
}

fn output_intent(doc: &mut Document, intent: &OutputIntent) -> ObjectId {
    let mut profile = Dictionary::new();
    profile.set("N", Object::Integer(4));
    let profile = doc.add_object(Object::Stream(Stream::new(
        profile,
        intent.profile.to_vec(),
    )));
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"OutputIntent".to_vec()));
    dict.set("S", Object::Name(b"GTS_PDFX".to_vec()));
    dict.set(
        "OutputConditionIdentifier",
        Object::string_literal(ascii(&intent.name)),
    );
    dict.set(
        "OutputCondition",
        Object::string_literal(ascii(&intent.info)),
    );
    dict.set("Info", Object::string_literal(ascii(&intent.info)));
    dict.set(
        "RegistryName",
        Object::string_literal("http://www.color.org"),
    );
    dict.set("DestOutputProfile", Object::Reference(profile));
    doc.add_object(dict)
}

/// Identifiers are ASCII in every file that names them; anything else becomes `?`.
fn ascii(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii() && !c.is_ascii_control() {
                c
            } else {
                '?'
            }
        })
        .collect()
}

/// `[/Separation /All /DeviceCMYK f]`, tint t ↦ (t, t, t, t): registration colour, in every
/// page's resources under [`REGISTRATION_SPACE`].
fn registration_space(doc: &mut Document) {
    let mut function = Dictionary::new();
    function.set("FunctionType", Object::Integer(2));
    function.set("Domain", reals(&[0.0, 1.0]));
    function.set("C0", reals(&[0.0; 4]));
    function.set("C1", reals(&[1.0; 4]));
    function.set("N", Object::Integer(1));
    let function = doc.add_object(function);
    let space = doc.add_object(Object::Array(vec![
        Object::Name(b"Separation".to_vec()),
        Object::Name(b"All".to_vec()),
        Object::Name(b"DeviceCMYK".to_vec()),
        Object::Reference(function),
    ]));
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for page in pages {
        let resources = match doc.get_dictionary(page).and_then(|p| p.get(b"Resources")) {
            Ok(Object::Reference(id)) => Some(*id),
            Ok(Object::Dictionary(_)) => None,
            _ => continue,
        };
        let dict = match resources {
            Some(id) => doc.get_dictionary_mut(id),
            None => doc
                .get_dictionary_mut(page)
                .and_then(|p| p.get_mut(b"Resources"))
                .and_then(Object::as_dict_mut),
        };
        let Ok(dict) = dict else {
            continue;
        };
        let mut spaces = match dict.get(b"ColorSpace") {
            Ok(Object::Dictionary(existing)) => existing.clone(),
            _ => Dictionary::new(),
        };
        spaces.set(REGISTRATION_SPACE, Object::Reference(space));
        dict.set("ColorSpace", Object::Dictionary(spaces));
    }
}

fn reals(values: &[f32]) -> Object {
    Object::Array(values.iter().map(|v| Object::Real(*v)).collect())
}

/// The XMP packet: the same title, dates, producer and trapping as the Info dictionary, the
/// PDF/X version, and the document and instance IDs PDF/X-4 asks for (derived from the
/// metadata, so builds stay reproducible). Not compressed, so that tools that do not parse
/// PDF can still find it.
fn xmp_stream(meta: &Meta) -> Stream {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    Stream::new(dict, xmp(meta).into_bytes()).with_compression(false)
}

pub(super) fn xmp(meta: &Meta) -> String {
    let (year, month, day) = meta.date;
    let date = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        year.clamp(0, 9999),
        month.clamp(1, 12),
        day.clamp(1, 31)
    );
    let mut hash = Fnv::new();
    for part in [&meta.title, &meta.author, &meta.lang, &date] {
        hash.write(part.as_bytes());
        hash.write(&[0]);
    }
    let first = hash.finish();
    hash.write(b"egiz-xmp");
    let second = hash.finish();
    let id = format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        first >> 32,
        (first >> 16) & 0xffff,
        first & 0xffff,
        second >> 48,
        second & 0xffff_ffff_ffff
    );
    let lang = if meta.lang.is_empty() {
        "x-default"
    } else {
        meta.lang.as_str()
    };
    let e = escape;
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li><rdf:li xml:lang="{lang}">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <pdf:Producer>egiz (printpdf)</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>uuid:{id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{id}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>{VERSION}</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"#,
        bom = '\u{feff}',
        title = e(&meta.title),
        author = e(&meta.author),
        subject = e(&meta.subject),
        creator = e(&meta.creator),
        lang = e(lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_names_the_version_and_escapes_the_title() {
        let meta = Meta {
            title: "Жадынама <1> & 2".to_string(),
            lang: "kk".to_string(),
            date: (2023, 12, 8),
            ..Meta::default()
        };
        let xmp = xmp(&meta);
        assert!(xmp.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
        assert!(xmp.contains("Жадынама &lt;1&gt; &amp; 2"), "{xmp}");
        assert!(xmp.contains("<xmp:CreateDate>2023-12-08T00:00:00Z</xmp:CreateDate>"));
        assert!(xmp.contains("<pdf:Trapped>False</pdf:Trapped>"));
        assert_eq!(xmp, super::xmp(&meta), "reproducible");
        assert!(!xmp.contains('\u{0}'));
    }

    #[test]
    fn identifiers_stay_ascii() {
        assert_eq!(ascii("FOGRA39 «x»"), "FOGRA39 ?x?");
    }
}
