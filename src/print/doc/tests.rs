//! Reading Markdown into the print document tree: blocks, inline styles, footnotes, heading ids.

use super::*;

fn plain(text: &str) -> Inline {
    Inline {
        text: text.to_string(),
        style: Style::default(),
        link: None,
    }
}

fn styled(text: &str, style: Style) -> Inline {
    Inline {
        text: text.to_string(),
        style,
        link: None,
    }
}

const BOLD: Style = Style {
    bold: true,
    italic: false,
    code: false,
    superscript: false,
};
const ITALIC: Style = Style {
    bold: false,
    italic: true,
    code: false,
    superscript: false,
};
const CODE: Style = Style {
    bold: false,
    italic: false,
    code: true,
    superscript: false,
};
const NOTE: Style = Style {
    bold: false,
    italic: false,
    code: false,
    superscript: true,
};

fn text_of(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

#[test]
fn headings_clamp_levels_and_get_unique_ids() {
    let doc = parse("# Жоба\n\n## Жоба\n\n#### Терең\n\n## Басқа {#own}\n\n# Жоба\n");
    let headings: Vec<(u8, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, id, .. } => Some((*level, id.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        vec![
            (1, "zhoba"),
            (2, "zhoba-2"),
            (3, "tereng"),
            (2, "own"),
            (1, "zhoba-3")
        ]
    );
}

#[test]
fn heading_ids_are_the_web_pages_even_where_the_texts_differ() {
    // The footnote number is in the printed heading's text but not in the web's; headings in
    // quotes, lists and footnotes count in document order on both sides.
    let markdown = "## Нәтижелер[^1]\n\n## Нәтижелер\n\n> ## Нәтижелер\n\n\
                    - ## Жоба `v2`\n\n[^1]: ## Ескерту\n\n## Соңы {#end}\n";
    let web: Vec<String> = crate::markdown::render_html(markdown, "/")
        .toc
        .into_iter()
        .map(|entry| entry.id)
        .collect();
    let mut print = Vec::new();
    let doc = parse(markdown);
    collect_heading_ids(&doc.blocks, &mut print);
    for note in &doc.footnotes {
        collect_heading_ids(&note.blocks, &mut print);
    }
    assert_eq!(web.len(), 6, "{web:?}");
    assert_eq!(web[0], "natizheler");
    // Footnotes are set after the text: the footnote's heading, the fifth in the Markdown,
    // comes last in print.
    let in_print_order = [&web[..4], &web[5..], &web[4..5]].concat();
    assert_eq!(print, in_print_order);
}

fn collect_heading_ids(blocks: &[Block], ids: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Heading { id, .. } => ids.push(id.clone()),
            Block::Quote(inner) => collect_heading_ids(inner, ids),
            Block::List { items, .. } => items.iter().for_each(|i| collect_heading_ids(i, ids)),
            _ => {}
        }
    }
}

#[test]
fn heading_keeps_its_inline_styles() {
    let doc = parse("## Жоба *нәтижесі*\n");
    let Block::Heading { inlines, .. } = &doc.blocks[0] else {
        panic!("{doc:?}");
    };
    assert_eq!(inlines, &vec![plain("Жоба "), styled("нәтижесі", ITALIC)]);
}

#[test]
fn soft_breaks_become_spaces_and_hard_breaks_newlines() {
    let doc = parse("бір\nекі  \nүш\\\nтөрт<br>бес");
    assert_eq!(
        doc.blocks,
        vec![Block::Paragraph(vec![plain("бір екі\nүш\nтөрт\nбес")])]
    );
}

#[test]
fn adjacent_runs_merge_when_style_and_link_match() {
    let doc = parse("a **b** **c** *d* `e` [f](https://x.kz) [g](https://x.kz)");
    let Block::Paragraph(inlines) = &doc.blocks[0] else {
        panic!("{doc:?}");
    };
    let link = |text: &str| Inline {
        text: text.to_string(),
        style: Style::default(),
        link: Some("https://x.kz".to_string()),
    };
    assert_eq!(
        inlines,
        &vec![
            plain("a "),
            styled("b", BOLD),
            plain(" "),
            styled("c", BOLD),
            plain(" "),
            styled("d", ITALIC),
            plain(" "),
            styled("e", CODE),
            plain(" "),
            link("f"),
            plain(" "),
            link("g"),
        ]
    );
}

#[test]
fn nested_emphasis_combines_styles() {
    let doc = parse("***екеуі*** ~~сызылған~~");
    let both = Style {
        bold: true,
        italic: true,
        ..Style::default()
    };
    assert_eq!(
        doc.blocks,
        vec![Block::Paragraph(vec![
            styled("екеуі", both),
            plain(" сызылған")
        ])]
    );
}

#[test]
fn tight_and_loose_list_items_both_hold_paragraphs() {
    let tight = parse("- бір\n- екі\n");
    let loose = parse("- бір\n\n- екі\n");
    let expected = vec![Block::List {
        ordered: None,
        items: vec![
            vec![Block::Paragraph(vec![plain("бір")])],
            vec![Block::Paragraph(vec![plain("екі")])],
        ],
    }];
    assert_eq!(tight.blocks, expected);
    assert_eq!(loose.blocks, expected);
}

#[test]
fn ordered_lists_keep_their_start_and_nest() {
    let doc = parse("3. бір\n   - ішкі\n   - тағы\n4. екі\n\n   екінші абзац\n");
    let inner = Block::List {
        ordered: None,
        items: vec![
            vec![Block::Paragraph(vec![plain("ішкі")])],
            vec![Block::Paragraph(vec![plain("тағы")])],
        ],
    };
    assert_eq!(
        doc.blocks,
        vec![Block::List {
            ordered: Some(3),
            items: vec![
                vec![Block::Paragraph(vec![plain("бір")]), inner],
                vec![
                    Block::Paragraph(vec![plain("екі")]),
                    Block::Paragraph(vec![plain("екінші абзац")]),
                ],
            ],
        }]
    );
}

#[test]
fn quotes_hold_blocks() {
    let doc = parse("> дәйексөз\n>\n> - тізім\n");
    assert_eq!(
        doc.blocks,
        vec![Block::Quote(vec![
            Block::Paragraph(vec![plain("дәйексөз")]),
            Block::List {
                ordered: None,
                items: vec![vec![Block::Paragraph(vec![plain("тізім")])]],
            },
        ])]
    );
}

#[test]
fn images_split_their_paragraph() {
    let doc = parse("Алдында ![Сурет *мәтіні*](img/a.jpg \"Атауы\") кейін.\n");
    assert_eq!(
        doc.blocks,
        vec![
            Block::Paragraph(vec![plain("Алдында")]),
            Block::Image {
                src: "img/a.jpg".to_string(),
                alt: "Сурет мәтіні".to_string(),
                title: Some("Атауы".to_string()),
            },
            Block::Paragraph(vec![plain("кейін.")]),
        ]
    );
}

#[test]
fn image_alone_gives_only_an_image_block() {
    let doc = parse("![](a.png)\n\n- ![b](b.png)\n");
    let image = |src: &str, alt: &str| Block::Image {
        src: src.to_string(),
        alt: alt.to_string(),
        title: None,
    };
    assert_eq!(
        doc.blocks,
        vec![
            image("a.png", ""),
            Block::List {
                ordered: None,
                items: vec![vec![image("b.png", "b")]],
            },
        ]
    );
}

#[test]
fn image_in_a_heading_becomes_its_alt_text() {
    let doc = parse("# Жоба ![логотип](logo.png)\n");
    let Block::Heading { inlines, .. } = &doc.blocks[0] else {
        panic!("{doc:?}");
    };
    assert_eq!(text_of(inlines), "Жоба логотип");
}

#[test]
fn tables_keep_header_rows_and_alignment() {
    let doc = parse("| Аудан | Саны |\n|:--|--:|\n| Балқаш | **40** |\n| Іле | 12 |\n");
    assert_eq!(
        doc.blocks,
        vec![Block::Table {
            header: vec![vec![plain("Аудан")], vec![plain("Саны")]],
            rows: vec![
                vec![vec![plain("Балқаш")], vec![styled("40", BOLD)]],
                vec![vec![plain("Іле")], vec![plain("12")]],
            ],
            align: vec![Align::Left, Align::Right],
        }]
    );
}

#[test]
fn rules_and_code_blocks() {
    let doc = parse("---\n\n```\nlet x = 1;\n```\n");
    assert_eq!(
        doc.blocks,
        vec![Block::Rule, Block::Code("let x = 1;".to_string())]
    );
}

#[test]
fn footnotes_are_numbered_in_order_of_first_reference() {
    let doc = parse(
        "Бір[^b] екі[^a] үш[^B].\n\n[^a]: Алғашқы анықтама.\n[^b]: Екінші *анықтама*.\n[^c]: Ешкім сілтемейді.\n",
    );
    assert_eq!(
        doc.blocks,
        vec![Block::Paragraph(vec![
            plain("Бір"),
            styled("1", NOTE),
            plain(" екі"),
            styled("2", NOTE),
            plain(" үш"),
            styled("1", NOTE),
            plain("."),
        ])]
    );
    let notes: Vec<(&str, u32)> = doc
        .footnotes
        .iter()
        .map(|f| (f.label.as_str(), f.number))
        .collect();
    assert_eq!(notes, vec![("b", 1), ("a", 2)]);
    assert_eq!(
        doc.footnotes[0].blocks,
        vec![Block::Paragraph(vec![
            plain("Екінші "),
            styled("анықтама", ITALIC),
            plain(".")
        ])]
    );
}

#[test]
fn adjacent_footnote_references_stay_separate_numbers() {
    let doc = parse("Мәтін[^a][^b].\n\n[^a]: А.\n[^b]: Б.\n");
    assert_eq!(
        doc.blocks,
        vec![Block::Paragraph(vec![
            plain("Мәтін"),
            styled("1", NOTE),
            styled("2", NOTE),
            plain("."),
        ])]
    );
    assert_eq!(doc.footnotes.len(), 2);
}

#[test]
fn undefined_footnote_reference_stays_text() {
    let doc = parse("Мәтін[^жоқ].");
    assert_eq!(
        doc.blocks,
        vec![Block::Paragraph(vec![plain("Мәтін[^жоқ].")])]
    );
    assert!(doc.footnotes.is_empty());
}

#[test]
fn raw_html_is_dropped_but_its_text_kept() {
    let doc = parse(
        "<div class=\"x\">\nСәлем &amp; <b>сау</b> бол<!-- пікір -->\n</div>\n\nМәтін <span>ішінде</span>.\n",
    );
    assert_eq!(
        doc.blocks,
        vec![
            Block::Paragraph(vec![plain("Сәлем & сау бол")]),
            Block::Paragraph(vec![plain("Мәтін ішінде.")]),
        ]
    );
}

#[test]
fn html_comments_and_scripts_leave_nothing() {
    let doc = parse("<!-- жасырын -->\n\n<script>alert(1)</script>\n\nМәтін\n");
    assert_eq!(doc.blocks, vec![Block::Paragraph(vec![plain("Мәтін")])]);
}

#[test]
fn no_smart_punctuation() {
    let doc = parse("\"quoted\" -- «тырнақша» ...");
    assert_eq!(
        doc.blocks,
        vec![Block::Paragraph(vec![plain(
            "\"quoted\" -- «тырнақша» ..."
        )])]
    );
}

#[test]
fn kazakh_text_round_trips_through_inlines() {
    let source = "Жергілікті қауымдастықтың белсенді қатысуымен және халықтың \
                  қажеттіліктерін бірлесіп бағалау әдісін (ҚБӘ) қолдана отырып, \
                  «Мемлекеттік органдарға жүгіну тәртібі» туралы ақпараттық науқан \
                  өтті — 40%-ға артты! Ә Ғ Қ Ң Ө Ұ Ү Һ І.";
    let markdown = source.replacen("белсенді", "**белсенді**", 1).replacen(
        "ақпараттық науқан",
        "*ақпараттық науқан*",
        1,
    );
    let doc = parse(&markdown);
    let [Block::Paragraph(inlines)] = doc.blocks.as_slice() else {
        panic!("{doc:?}");
    };
    assert_eq!(text_of(inlines), source);
    assert_eq!(inlines.len(), 5);
}

#[test]
fn empty_and_odd_input_does_not_panic() {
    for source in [
        "",
        "\n\n",
        "[^x]:",
        "![",
        "| a |\n|---|\n",
        "<",
        "> - > - ```",
    ] {
        let _ = parse(source);
    }
}
