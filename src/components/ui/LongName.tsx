import { shortName } from './names'
import './LongName.css'

/**
 * A name as it fits on screen: shortened (see NAME_SHOWN_MAX) with the full
 * text in its title, and free to wrap anywhere, so a name with no spaces
 * never pushes the figures beside it off screen.
 */
export function LongName({ text }: { text: string }) {
  const shown = shortName(text)
  return (
    <span className="long-name" title={shown === text ? undefined : text}>
      {shown}
    </span>
  )
}
