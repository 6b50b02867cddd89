/**
 * The header line of a delimited file (scenario CSV or usage log): which
 * delimiter it uses and how its lines end, read off the first non-blank line
 * before papaparse parses the rest with them.
 */
import { isSpace } from './cells'

export interface HeaderLine {
  /** Delimiters outside quotes on the first non-blank line (a name may contain any of them). */
  commas: number
  semicolons: number
  tabs: number
  /** How that line ends; undefined when the file is that one line. */
  newline: '\r\n' | '\n' | '\r' | undefined
}

/** Counts the first non-blank line's delimiters outside quotes and reads its line ending. */
export function readHeaderLine(text: string): HeaderLine {
  let commas = 0
  let semicolons = 0
  let tabs = 0
  let inQuotes = false
  let seenText = false
  let newline: HeaderLine['newline']
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) inQuotes = !inQuotes
    else if (inQuotes) continue
    else if (c === 44) commas++
    else if (c === 59) semicolons++
    else if (c === 9) tabs++
    else if (c === 10 || c === 13) {
      if (!seenText) continue
      newline = c === 10 ? '\n' : text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r'
      break
    }
    if (!isSpace(c)) seenText = true
  }
  return { commas, semicolons, tabs, newline }
}
