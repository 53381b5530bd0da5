use super::*;
use crate::theme::cards::{SIZES, SQUARE, WIDE};

/// 150 characters, no cover: the case the issue names.
const LONG: &str = "Ауылдық жерлердегі ерекше балаларға арналған иппотерапия және олардың отбасыларына көрсетілетін әлеуметтік-психологиялық қолдау бағдарламасы: 2024 жыл";

fn facts(title: &str, cover: bool) -> Facts {
    Facts {
        lang: "kk".into(),
        site: "Алматы облысының азаматтық бастамалары".into(),
        title: title.into(),
        district: Some("Жамбыл ауданы".into()),
        figure: Some("70".into()),
        label: Some("баладан астам шалғай ауылдардан жобаға қатысты".into()),
        cover: cover.then(|| "cover.jpg".into()),
    }
}

fn card(size: CardSize) -> Rect {
    Rect {
        x: 0.0,
        y: 0.0,
        w: size.width as f32,
        h: size.height as f32,
    }
}

fn words_of(text: &Text) -> String {
    let lines: Vec<&str> = text
        .lines
        .iter()
        .map(|(run, _, _)| run.text.as_str())
        .collect();
    lines.join(" ")
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

#[test]
fn a_150_character_title_without_cover_shows_whole_inside_the_card() {
    assert_eq!(LONG.chars().count(), 150);
    let fonts = FontSet::embedded();
    for size in SIZES {
        let layout = lay_out(
            &fonts,
            &CardDesign::default(),
            &facts(LONG, false),
            size,
            false,
        );
        let title = layout.text(Role::Title).expect("a title");
        assert_eq!(words_of(title), LONG, "{size:?}: every word, in order");
        let margin = 64.0 * size.width as f32 / 1200.0 - 1.0;
        let inside = card(size).inset(margin, margin, margin, margin);
        assert!(
            inside.contains(title.bounds),
            "{size:?}: {:?}",
            title.bounds
        );
        for (run, x, _) in &title.lines {
            assert!(
                x + run.width <= inside.x + inside.w + 0.5,
                "{size:?}: {}",
                run.text
            );
        }
    }
}

#[test]
fn the_texts_of_a_card_do_not_overlap_and_stay_off_the_photo() {
    let fonts = FontSet::embedded();
    let title = "Иппотерапия для особенных детей в сельской местности";
    for size in [WIDE, SQUARE] {
        let layout = lay_out(
            &fonts,
            &CardDesign::default(),
            &facts(title, true),
            size,
            true,
        );
        let photo = layout.photo.expect("a photo place");
        for role in [
            Role::Site,
            Role::Title,
            Role::District,
            Role::Figure,
            Role::Label,
        ] {
            let text = layout
                .text(role)
                .unwrap_or_else(|| panic!("{size:?} lacks {role:?}"));
            assert!(
                !overlaps(text.bounds, photo),
                "{size:?} {role:?} on the photo"
            );
            assert!(
                card(size).contains(text.bounds),
                "{size:?} {role:?} off the card"
            );
            for other in &layout.texts {
                if other.role != role {
                    assert!(
                        !overlaps(text.bounds, other.bounds),
                        "{size:?}: {role:?} on {:?}",
                        other.role
                    );
                }
            }
        }
    }
}

#[test]
fn a_theme_can_leave_fields_out_and_put_the_photo_behind_the_text() {
    let fonts = FontSet::embedded();
    let design = CardDesign {
        show: vec![Field::Photo],
        photo: PhotoPlace::Background,
        ..CardDesign::default()
    };
    let layout = lay_out(&fonts, &design, &facts("Жастар", true), WIDE, true);
    assert_eq!(layout.photo, Some(card(WIDE)));
    assert!(layout.scrim.is_some() && layout.mark.is_none());
    let roles: Vec<Role> = layout.texts.iter().map(|t| t.role).collect();
    assert_eq!(roles, [Role::Title]);
}
