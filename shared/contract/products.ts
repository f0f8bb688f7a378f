/** What a loan lends against: a house, a car, or other collateral. A leaf module: risk and loans both need it. */
export const PRODUCTS = ['mortgage', 'car-title', 'other-secured'] as const;
export type Product = (typeof PRODUCTS)[number];
