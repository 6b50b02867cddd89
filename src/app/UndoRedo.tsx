import { useWorksheet } from '../store/worksheet'
import './App.css'

export function UndoRedo() {
  const undo = useWorksheet((s) => s.undo)
  const redo = useWorksheet((s) => s.redo)
  const canUndo = useWorksheet((s) => s.past.length > 0)
  const canRedo = useWorksheet((s) => s.future.length > 0)
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
