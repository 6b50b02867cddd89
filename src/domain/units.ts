/**
 * Units carried in the type so a token count can never be added to a dollar
 * amount by accident. The brand exists only at compile time: at run time these
 * are plain numbers, so the hot path pays nothing for them.
 */
declare const unit: unique symbol
type Unit<U extends string> = number & { readonly [unit]: U }

/** US dollars. */
export type Usd = Unit<'USD'>
/** US dollars per one million tokens: the unit OpenAI prices every meter in. */
export type UsdPerMillionTokens = Unit<'USD/1M tokens'>
/** A count of tokens (may be fractional once multiplied by shares and averages). */
export type Tokens = Unit<'tokens'>

/** A rate entering the domain (the price book, a scenario's override) gets its unit here. */
export const usdPerMillion = (n: number): UsdPerMillionTokens => n as UsdPerMillionTokens
