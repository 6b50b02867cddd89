import { useRef } from 'react'
import type { ReactNode } from 'react'

/**
 * A button that opens the file chooser. The input itself is visually hidden
 * but labelled and out of the tab order: the button is what people reach,
 * the label is what tests and assistive tech can upload through. Choosing
 * the same file twice reads it twice.
 */
export function FileButton({
  children,
  accept,
  inputLabel,
  className,
  onFile,
}: {
  children: ReactNode
  accept: string
  inputLabel: string
  className?: string
  onFile: (file: File) => void
}) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="visually-hidden"
        aria-label={inputLabel}
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) onFile(file)
        }}
      />
    </>
  )
}
