import { useEffect } from 'react'
import { useWorksheet } from '../store/worksheet'
import './App.css'

/**
 * Spreadsheet shortcuts: Ctrl+Z undoes the worksheet edit, not just the text box. With the
 * buttons whose aria-keyshortcuts announce them, so whatever shows the buttons has the keys.
 */
function useUndoShortcuts(undo: () => void, redo: () => void) {
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

export function UndoRedo() {
  const undo = useWorksheet((s) => s.undo)
  const redo = useWorksheet((s) => s.redo)
  const canUndo = useWorksheet((s) => s.past.length > 0)
  const canRedo = useWorksheet((s) => s.future.length > 0)
  useUndoShortcuts(undo, redo)
  return (
    <div className="undo-redo">
      <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
        Redo
      </button>
    </div>
  )
}
