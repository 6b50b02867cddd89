import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LongName } from '../../src/components/ui/LongName'
import { NAME_SHOWN_MAX, shortName } from '../../src/components/ui/names'

describe('shortName', () => {
  it('leaves a name of up to 80 characters as it is', () => {
    const name = 'n'.repeat(NAME_SHOWN_MAX)
    expect(shortName(name)).toBe(name)
  })

  it('cuts a longer one to 80 characters, the last an ellipsis', () => {
    const shown = shortName(`Hero${'x'.repeat(9_996)}`)
    expect(shown).toHaveLength(NAME_SHOWN_MAX)
    expect(shown).toBe(`Hero${'x'.repeat(75)}…`)
  })

  it('never cuts an emoji in half', () => {
    // 78 letters, then 🎨 (two UTF-16 units) across the cut at 79.
    const shown = shortName(`${'a'.repeat(78)}🎨 and more`)
    expect(shown).toBe(`${'a'.repeat(78)}…`)
  })
})

describe('LongName', () => {
  it('draws a long name shortened with the whole name in its title', () => {
    const name = `Hero${'x'.repeat(9_996)}`
    render(<LongName text={name} />)
    const shown = screen.getByText(/^Herox+…$/)
    expect(shown).toHaveAttribute('title', name)
  })

  it('gives a short name no title: there is nothing more to show', () => {
    render(<LongName text="Thumbnails" />)
    expect(screen.getByText('Thumbnails')).not.toHaveAttribute('title')
  })
})
