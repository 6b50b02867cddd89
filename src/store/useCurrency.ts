import { useMemo } from 'react'
import { resolveCurrency } from '../domain/currency'
import type { CurrencySetting, ResolvedCurrency } from '../domain/currency'
import { parseTypedNumber } from '../io/numberInput'
import { useWorksheet } from './worksheet'

// One resolution per setting object: the setting keeps its identity until it
// changes, so every component reading the currency gets the same object.
const resolved = new WeakMap<CurrencySetting, ResolvedCurrency>()

function resolve(setting: CurrencySetting): ResolvedCurrency {
  let r = resolved.get(setting)
  if (!r) {
    r = resolveCurrency(setting, parseTypedNumber(setting.rate))
    resolved.set(setting, r)
  }
  return r
}

/** What the person set, as typed. */
export function useCurrencySetting(): CurrencySetting {
  return useWorksheet((s) => s.currency)
}

/**
 * The currency amounts are shown in and why it is USD when the rate cannot be
 * used. Stable until the setting changes.
 */
export function useResolvedCurrency(): ResolvedCurrency {
  const setting = useCurrencySetting()
  return useMemo(() => resolve(setting), [setting])
}

/** The currency amounts are shown in: USD until a usable rate is set. */
export function useCurrency(): ResolvedCurrency['currency'] {
  return useResolvedCurrency().currency
}
