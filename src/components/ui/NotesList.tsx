import type { ReactNode } from 'react'
import './NotesList.css'

/** Sentences about the numbers above; nothing when there are none. */
export function NotesList({ notes, label }: { notes: readonly ReactNode[]; label?: string }) {
  if (notes.length === 0) return null
  return (
    <ul className="notes-list" aria-label={label}>
      {notes.map((n, i) => (
        <li key={i}>{n}</li>
      ))}
    </ul>
  )
}
