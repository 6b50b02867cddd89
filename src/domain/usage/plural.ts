import { groupedNumber } from '../numberText'

/** "1 image", "2,000 images": for the sentences in notes. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${groupedNumber(n)} ${n === 1 ? one : many}`
