//! Lengths and page sizes: PDF points (1/72 in), millimetres and paper sizes. A leaf module:
//! booklet front matter (`paper:`), the theme's print settings and the print engine share it.
//! All layout works in `f32` points; `Mm` exists for settings and page sizes.

use std::fmt;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// Points per millimetre: 72 pt per inch, 25.4 mm per inch.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// A length in PDF points.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Pt(pub f32);

/// A length in millimetres.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Mm(pub f32);

impl From<Mm> for Pt {
    fn from(mm: Mm) -> Pt {
        Pt(mm.0 * PT_PER_MM)
    }
}

impl From<Pt> for Mm {
    fn from(pt: Pt) -> Mm {
        Mm(pt.0 / PT_PER_MM)
    }
}

impl Add for Pt {
    type Output = Pt;
    fn add(self, rhs: Pt) -> Pt {
        Pt(self.0 + rhs.0)
    }
}

impl Sub for Pt {
    type Output = Pt;
    fn sub(self, rhs: Pt) -> Pt {
        Pt(self.0 - rhs.0)
    }
}

impl AddAssign for Pt {
    fn add_assign(&mut self, rhs: Pt) {
        self.0 += rhs.0;
    }
}

impl SubAssign for Pt {
    fn sub_assign(&mut self, rhs: Pt) {
        self.0 -= rhs.0;
    }
}

impl Mul<f32> for Pt {
    type Output = Pt;
    fn mul(self, rhs: f32) -> Pt {
        Pt(self.0 * rhs)
    }
}

impl Div<f32> for Pt {
    type Output = Pt;
    fn div(self, rhs: f32) -> Pt {
        Pt(self.0 / rhs)
    }
}

impl Neg for Pt {
    type Output = Pt;
    fn neg(self) -> Pt {
        Pt(-self.0)
    }
}

/// A page size. `A5` is the default: folded from A4, the usual village leaflet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub width: Mm,
    pub height: Mm,
    pub name: &'static str,
}

impl Paper {
    pub const A4: Paper = Paper {
        width: Mm(210.0),
        height: Mm(297.0),
        name: "A4",
    };
    pub const A5: Paper = Paper {
        width: Mm(148.0),
        height: Mm(210.0),
        name: "A5",
    };
    pub const A6: Paper = Paper {
        width: Mm(105.0),
        height: Mm(148.0),
        name: "A6",
    };
    pub const LETTER: Paper = Paper {
        width: Mm(215.9),
        height: Mm(279.4),
        name: "Letter",
    };
    const NAMED: [Paper; 4] = [Paper::A4, Paper::A5, Paper::A6, Paper::LETTER];

    pub fn named(name: &str) -> Option<Paper> {
        Paper::NAMED
            .into_iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// Paper of any size, within what a printer can handle.
    pub fn custom(width: f32, height: f32) -> Result<Paper, String> {
        let ok = |v: f32| (50.0..=1000.0).contains(&v);
        if ok(width) && ok(height) {
            Ok(Paper {
                width: Mm(width),
                height: Mm(height),
                name: "custom",
            })
        } else {
            Err(format!(
                "a page of {width} × {height} mm is not printable: sizes go from 50 to 1000 mm"
            ))
        }
    }
}

impl Default for Paper {
    fn default() -> Self {
        Paper::A5
    }
}

impl<'de> Deserialize<'de> for Paper {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PaperVisitor;
        impl<'de> Visitor<'de> for PaperVisitor {
            type Value = Paper;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("A4, A5, A6, Letter, or { width_mm: .., height_mm: .. }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Paper, E> {
                Paper::named(v).ok_or_else(|| E::custom(format!("unknown paper \"{v}\": use A4, A5, A6, Letter or {{ width_mm: 148, height_mm: 210 }}")))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Paper, A::Error> {
                let (mut width, mut height) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "width_mm" => width = Some(map.next_value::<f32>()?),
                        "height_mm" => height = Some(map.next_value::<f32>()?),
                        other => {
                            return Err(de::Error::unknown_field(
                                other,
                                &["width_mm", "height_mm"],
                            ));
                        }
                    }
                }
                match (width, height) {
                    (Some(w), Some(h)) => Paper::custom(w, h).map_err(de::Error::custom),
                    _ => Err(de::Error::custom(
                        "a custom paper needs both width_mm and height_mm",
                    )),
                }
            }
        }
        deserializer.deserialize_any(PaperVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_inch_of_millimetres_is_72_points() {
        let pt = Pt::from(Mm(25.4));
        assert!((pt.0 - 72.0).abs() < 1e-4, "{pt:?}");
    }

    #[test]
    fn a5_width_round_trips_through_points() {
        let mm = Mm::from(Pt::from(Mm(148.0)));
        assert!((mm.0 - 148.0).abs() < 1e-3, "{mm:?}");
        assert!((Pt::from(Mm(148.0)).0 - 419.528).abs() < 1e-2);
    }

    #[test]
    fn point_arithmetic_works_on_the_inner_value() {
        assert_eq!(Pt(3.0) + Pt(4.0), Pt(7.0));
        assert_eq!(Pt(3.0) - Pt(4.0), Pt(-1.0));
        assert_eq!(Pt(3.0) * 2.0, Pt(6.0));
        assert_eq!(Pt(3.0) / 2.0, Pt(1.5));
        assert_eq!(-Pt(3.0), Pt(-3.0));
        let mut p = Pt(1.0);
        p += Pt(2.0);
        p -= Pt(0.5);
        assert_eq!(p, Pt(2.5));
    }
}
