import { useId } from 'react'
import { computeScenario } from '../domain/engine'
import { formatUsd } from '../format/number'
import { defaultScenario } from '../presets/defaultScenario'

const result = computeScenario(defaultScenario())

export function App() {
  const id = useId()
  return (
    <main>
      <h1>GPT Image 2 budget worksheet</h1>
      <p id={id}>Monthly cost</p>
      <output aria-labelledby={id}>
        {result.ok ? formatUsd(result.monthlyCostUsd) : 'incomplete'}
      </output>
    </main>
  )
}
