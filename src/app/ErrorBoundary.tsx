import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'
import './App.css'
import { downloadText } from '../components/ui/download'
import { browserStorage, setAsideForFreshStart } from '../store/storage'
import { STORAGE_KEY, useWorksheet } from '../store/worksheet'

interface Props {
  children: ReactNode
  /** How to load the page again; the browser's reload, replaceable in tests. */
  reload?: () => void
}

interface State {
  error: Error | null
  /** Saved data that could not be copied aside (storage full): offered for download instead. */
  stuck: string | null
}

/**
 * The last line against a blank screen: the engine never throws, but a bug in
 * a component must still leave the person a way to recover their work. Saved
 * data that crashes the page would crash it again after a reload, so the way
 * out keeps that data aside and starts from the example: never a loop.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, stuck: null }

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack)
  }

  private reload = () => {
    if (this.props.reload) this.props.reload()
    else window.location.reload()
  }

  private startFresh = () => {
    // Nothing of the crashed page may be written over what is set aside.
    useWorksheet.stopSaving()
    const { keptAs, raw } = setAsideForFreshStart(browserStorage(), STORAGE_KEY, new Date())
    if (raw !== null && keptAs === null) this.setState({ stuck: raw })
    else this.reload()
  }

  override render(): ReactNode {
    const { error, stuck } = this.state
    if (!error) return this.props.children
    return (
      <main className="crash" role="alert">
        <h1>Something went wrong in the worksheet</h1>
        <p>
          Your scenarios are saved in this browser. Reload the page to continue where you left off.
          If the page fails again, keep your saved data aside and start from the example: the copy
          stays in this browser&apos;s storage and nothing is deleted.
        </p>
        <pre>{error.message}</pre>
        <button type="button" onClick={this.reload}>
          Reload
        </button>
        <button type="button" onClick={this.startFresh}>
          Keep my saved data aside and start fresh
        </button>
        {stuck !== null && (
          <>
            <p>
              This browser refused to store a copy (storage full), so your saved data was left where
              it was. Download it, then start fresh.
            </p>
            <button
              type="button"
              onClick={() => {
                downloadText({
                  fileName: `${STORAGE_KEY}-saved.json`,
                  text: stuck,
                  type: 'application/json',
                })
              }}
            >
              Download the saved data
            </button>
            <button
              type="button"
              onClick={() => {
                browserStorage()?.removeItem(STORAGE_KEY)
                this.reload()
              }}
            >
              Delete it and start fresh
            </button>
          </>
        )}
      </main>
    )
  }
}
