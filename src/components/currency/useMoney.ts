import { useMemo } from 'react'
import type { Currency } from '../../domain/currency'
import { formatMoney, formatSignedMoney, formatUnitMoney } from '../../format/number'
import { useCurrency } from '../../store/useCurrency'

/** Amounts in the worksheet's currency, for one render: each takes US dollars. */
export interface Money {
  currency: Currency
  /** The currency's ISO code, for column headers ("EUR"). */
  code: string
  /** An amount: formatMoney. */
  format: (usd: number | null) => string
  /** A per-unit price, three significant digits below a hundred minor units: formatUnitMoney. */
  unit: (usd: number | null) => string
  /** A difference with a + on increases: formatSignedMoney. */
  signed: (usd: number | null) => string
  /** A unit written for US dollars in this currency: "USD per job" reads "EUR per job". */
  unitLabel: (usdLabel: string) => string
}

export function moneyIn(currency: Currency): Money {
  return {
    currency,
    code: currency.code,
    format: (usd) => formatMoney(usd, currency),
    unit: (usd) => formatUnitMoney(usd, currency),
    signed: (usd) => formatSignedMoney(usd, currency),
    unitLabel: (label) => label.replace(/\bUSD\b/g, currency.code),
  }
}

/** The worksheet's currency as formatters; the same object until the currency changes. */
export function useMoney(): Money {
  const currency = useCurrency()
  return useMemo(() => moneyIn(currency), [currency])
}
