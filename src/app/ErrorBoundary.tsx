import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'
import './App.css'

interface State {
  error: Error | null
}

/**
 * The last line against a blank screen: the engine never throws, but a bug in
 * a component must still leave the person a way to recover their work.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <main className="crash" role="alert">
        <h1>Something went wrong in the worksheet</h1>
        <p>
          Your scenarios are saved in this browser as you type. Reload the page to continue where
          you left off.
        </p>
        <pre>{this.state.error.message}</pre>
        <button
          type="button"
          onClick={() => {
            window.location.reload()
          }}
        >
          Reload
        </button>
      </main>
    )
  }
}
