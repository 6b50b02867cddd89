import { CurrencySection } from '../components/currency/CurrencySection'
import { ImportExportBar } from '../components/importExport/ImportExportBar'
import { PresetStrategy } from '../components/scenarios/PresetStrategy'
import { ScenarioBar } from '../components/scenarios/ScenarioBar'
import { HowComputed } from '../components/results/HowComputed'
import { MiniTotal } from '../components/results/MiniTotal'
import { ResultsPanel } from '../components/results/ResultsPanel'
import { LazySection } from '../components/ui/LazySection'
import { PricesSection } from '../components/worksheet/PricesSection'
import { ScenarioSection } from '../components/worksheet/ScenarioSection'
import { StagesSection } from '../components/worksheet/StagesSection'
import { StorageNotice } from './StorageNotice'
import { UndoRedo } from './UndoRedo'
import './App.css'

// Below the first screen: their code loads, and they mount, when they near the viewport or
// are linked to, so the worksheet is interactive sooner.
const loadDecisions = () =>
  import('../components/decisions/DecisionTools').then((m) => m.DecisionTools)
const loadCompare = () =>
  import('../components/compare/CompareSection').then((m) => m.CompareSection)
const loadUsage = () => import('../components/usage/UsageLogSection').then((m) => m.UsageLogSection)

export function App() {
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
            <CurrencySection />
          </div>
          <aside className="side" aria-label="Results">
            <ResultsPanel />
            <HowComputed />
          </aside>
        </div>
        <LazySection id="decisions" title="Decision tools" minHeight="60rem" load={loadDecisions} />
        <LazySection id="compare" title="Compare scenarios" minHeight="50rem" load={loadCompare} />
        <LazySection
          id="usage"
          title="Calibrate from a usage log"
          minHeight="20rem"
          load={loadUsage}
        />
      </main>
      <MiniTotal />
    </>
  )
}
