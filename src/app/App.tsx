import { useEffect } from 'react'
import { CompareSection } from '../components/compare/CompareSection'
import { DecisionTools } from '../components/decisions/DecisionTools'
import { ImportExportBar } from '../components/importExport/ImportExportBar'
import { PresetStrategy } from '../components/scenarios/PresetStrategy'
import { ScenarioBar } from '../components/scenarios/ScenarioBar'
import { HowComputed } from '../components/results/HowComputed'
import { MiniTotal } from '../components/results/MiniTotal'
import { ResultsPanel } from '../components/results/ResultsPanel'
import { UsageLogSection } from '../components/usage/UsageLogSection'
import { PricesSection } from '../components/worksheet/PricesSection'
import { ScenarioSection } from '../components/worksheet/ScenarioSection'
import { StagesSection } from '../components/worksheet/StagesSection'
import { useWorksheet } from '../store/worksheet'
import { StorageNotice } from './StorageNotice'
import { UndoRedo } from './UndoRedo'
import './App.css'

/** Spreadsheet shortcuts: Ctrl+Z undoes the worksheet edit, not just the text box. */
function useUndoShortcuts() {
  const undo = useWorksheet((s) => s.undo)
  const redo = useWorksheet((s) => s.redo)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const key = e.key.toLowerCase()
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault()
        undo()
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault()
        redo()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
    }
  }, [undo, redo])
}

export function App() {
  useUndoShortcuts()
  return (
    <>
      <header className="topbar">
        <div className="brand">
          <h1>GPT Image 2 budget worksheet</h1>
          <p className="tagline">Monthly API cost, stage by stage. Runs in your browser only.</p>
        </div>
        {/* The tools below the worksheet are a long scroll away on a laptop screen. */}
        <nav className="section-links" aria-label="Sections">
          <a href="#decisions">Decision tools</a>
          <a href="#compare">Compare</a>
          <a href="#usage">Usage log</a>
        </nav>
        <UndoRedo />
      </header>
      <StorageNotice />
      <main>
        <ScenarioBar />
        <ImportExportBar />
        <div className="layout">
          <div className="worksheet">
            <PresetStrategy />
            <ScenarioSection />
            <StagesSection />
            <PricesSection />
          </div>
          <aside className="side" aria-label="Results">
            <ResultsPanel />
            <HowComputed />
          </aside>
        </div>
        <DecisionTools />
        <CompareSection />
        <UsageLogSection />
      </main>
      <MiniTotal />
    </>
  )
}
