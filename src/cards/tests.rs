use super::*;
use crate::theme::cards::{SQUARE, WIDE};

fn facts() -> Facts {
    Facts {
        lang: "ru".into(),
        site: "Гражданские инициативы".into(),
        title: "Иппотерапия для особенных детей".into(),
        district: Some("Жамбылский район".into()),
        figure: Some("+40\u{a0}%".into()),
        label: Some("рост осведомлённости".into()),
        cover: None,
    }
}

#[test]
fn a_card_is_a_png_of_its_size() {
    for size in [WIDE, SQUARE] {
        let bytes = render(&CardDesign::default(), &facts(), size, None).expect("renders");
        let image = image::load_from_memory(&bytes).expect("decodes");
        assert_eq!((image.width(), image.height()), (size.width, size.height));
        // The text is drawn: the card is not one flat colour.
        let rgb = image.to_rgb8();
        let first = rgb.get_pixel(0, 0);
        assert!(rgb.pixels().filter(|p| *p != first).count() > 10_000);
    }
}

#[test]
fn the_cache_name_changes_with_what_the_card_shows() {
    let design = CardDesign::default();
    let name = cache_name(&design, &facts(), WIDE, "");
    assert_eq!(name, cache_name(&design, &facts(), WIDE, ""));
    let retitled = Facts {
        title: "Другое".into(),
        ..facts()
    };
    assert_ne!(name, cache_name(&design, &retitled, WIDE, ""));
    assert_ne!(name, cache_name(&design, &facts(), SQUARE, ""));
    assert_ne!(name, cache_name(&design, &facts(), WIDE, "photo-hash"));
    let gold = CardDesign {
        margin: 80,
        ..CardDesign::default()
    };
    assert_ne!(name, cache_name(&gold, &facts(), WIDE, ""));
    assert!(name.ends_with("-1200x630-c1.png"), "{name}");
}
