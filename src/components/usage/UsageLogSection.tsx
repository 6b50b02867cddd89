import './usage.css'

// The parser, the calibration code and these tables load after first paint with this whole
// section (App mounts it lazily): most visits never open a log.
import UsageLogPanels from './UsageLogPanels'

/** Calibrate the worksheet from a real generation log. */
export function UsageLogSection() {
  return (
    <section className="usage" aria-labelledby="usage-h" id="usage">
      <h2 id="usage-h">Calibrate from a usage log</h2>
      <p className="muted usage-lede">
        Measure retry multipliers, the quality and size mix and the real cost per template from a
        month of your own generation log, see where an estimate was wrong, and apply what was
        measured. The file is read in this browser and goes nowhere else.
      </p>
      <UsageLogPanels />
    </section>
  )
}
