//! Length units of the print engine: PDF points (1/72 in) and millimetres.
//! All layout works in `f32` points; `Mm` exists for settings and page sizes.

use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

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
