import { useEffect, useId, useRef, useState } from 'react'
import type { Scenario } from '../../domain/model'
import { formatCount, formatCountOf } from '../../format/number'
import { scenarioTitle } from '../ui/names'
import { usePriceBook } from '../../store/priceBook'

export interface ShareButtonProps {
  /**
   * What the link carries (the compared scenarios, or the active one), read when the button
   * is pressed: the worksheet changes on every keystroke and the button need not follow it.
   */
  scenarios: () => readonly Scenario[]
  /** Whether there is anything to share. */
  disabled?: boolean
  /** The address the link opens; this page's address (without its hash) when left out. */
  baseUrl?: string
}

/** Said every time: people hesitate to share a budget if they think it is uploaded. */
const PRIVATE =
  'The link holds the numbers themselves: nothing is sent to a server, and anyone with the link can read them.'
/** Some chat apps and older tools cut links past this length. */
const LONG_LINK = 2000

function describe(scenarios: readonly Scenario[]): string {
  const first = scenarios[0]
  if (scenarios.length === 1 && first) return `“${scenarioTitle(first.name)}”`
  return formatCountOf(scenarios.length, 'scenario')
}

function pageAddress(): string {
  return `${window.location.origin}${window.location.pathname}${window.location.search}`
}

/**
 * Copies a link that opens these scenarios in this app. Where the browser
 * will not copy (no clipboard outside https, or permission refused), the
 * link appears in a text field to copy by hand.
 */
export function ShareButton({ scenarios: read, disabled = false, baseUrl }: ShareButtonProps) {
  const book = usePriceBook()
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const [manualLink, setManualLink] = useState<string | null>(null)
  const fieldId = useId()
  const field = useRef<HTMLInputElement>(null)

  // Selected on arrival, so Ctrl+C is the only step left.
  useEffect(() => {
    if (manualLink !== null) field.current?.select()
  }, [manualLink])

  const share = async () => {
    setBusy(true)
    try {
      // Loaded on first use: the CSV writer (papaparse) stays out of the first page load.
      const { encodeShareLink } = await import('../../io/shareLink')
      const scenarios = read()
      const link = await encodeShareLink(scenarios, baseUrl ?? pageAddress(), book)
      const what = describe(scenarios)
      const long =
        link.length > LONG_LINK
          ? ` It is ${formatCount(link.length)} characters long: if a chat app cuts it, export a CSV file instead.`
          : ''
      let copied = false
      if ('clipboard' in navigator) {
        try {
          await navigator.clipboard.writeText(link)
          copied = true
        } catch {
          // Refused (no focus, no permission): the text field below takes over.
        }
      }
      if (copied) {
        setManualLink(null)
        setStatus(`Copied a link to ${what}. ${PRIVATE}${long}`)
      } else {
        setManualLink(link)
        setStatus(
          `This browser did not allow copying: copy the link to ${what} below. ${PRIVATE}${long}`,
        )
      }
    } catch (error) {
      setManualLink(null)
      setStatus(`The link could not be made: ${String(error)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="share">
      <button
        type="button"
        disabled={busy || disabled}
        onClick={() => {
          void share()
        }}
      >
        Copy share link
      </button>
      <p role="status" className="io-status">
        {status}
      </p>
      {manualLink !== null && (
        <div className="field wide">
          <label htmlFor={fieldId}>Share link</label>
          <input
            ref={field}
            id={fieldId}
            type="text"
            readOnly
            value={manualLink}
            onFocus={(e) => {
              e.currentTarget.select()
            }}
          />
        </div>
      )}
    </div>
  )
}
