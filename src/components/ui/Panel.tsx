import { useId } from 'react'
import type { ReactNode, Ref } from 'react'
import './Panel.css'

interface Props {
  title: string
  lede?: ReactNode
  /** Where focus goes after an action removes the button that had it. */
  headingRef?: Ref<HTMLHeadingElement>
  className?: string
  children: ReactNode
}

/** One tool: a card named by its heading, so screen readers can jump from tool to tool. */
export function Panel({ title, lede, headingRef, className, children }: Props) {
  const id = useId()
  return (
    <section className={['card', 'panel', className ?? ''].join(' ').trim()} aria-labelledby={id}>
      <h3 id={id} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      {lede && <p className="lede">{lede}</p>}
      {children}
    </section>
  )
}
