import { useState } from 'react'
import { downloadText } from '../components/ui/download'
import { formatCountOf } from '../format/number'
import { deleteKeptAside, readKeptAside } from '../store/storage'
import { STORAGE_KEY, useWorksheet } from '../store/worksheet'
import type { StorageNotice as Notice } from '../store/storageSafety'
import './App.css'

const DOWNLOAD_NAME = `${STORAGE_KEY}-unreadable.json`
const CLOSED_TAB_DOWNLOAD = `${STORAGE_KEY}-closed-tab.json`

function message(notice: Notice): string {
  if (notice.kind === 'saveFailed') {
    return 'This browser refused to save the worksheet (storage full or disabled). Your edits stay until you close the page.'
  }
  if (notice.kind === 'closedTab') {
    return `A tab was closed while it asked whether to keep its unsaved edits or load another tab's version, so its worksheet (${formatCountOf(notice.worksheet.scenarios.length, 'scenario')}) was kept aside under "${notice.keptAs}". The worksheet here is the one that was saved.`
  }
  if (notice.kind === 'renamed') {
    const list = notice.renamed.map((r) => `"${r.from}" is now "${r.to}"`).join('; ')
    return `Some saved scenarios shared a name, so they were renamed to keep them apart (nothing was merged): ${list}.`
  }
  const opening = `Your saved worksheet could not be opened. ${notice.reason}`
  return notice.keptAs === null
    ? `${opening} This browser also refused to store a copy of it (storage full), so it is left untouched under "${STORAGE_KEY}" and the example worksheet was loaded instead. Your edits are kept in memory only, not saved, until you download the unreadable data or choose to replace it.`
    : `${opening} It was kept unchanged in this browser's storage under "${notice.keptAs}", and the example worksheet was loaded instead.`
}

/** Another tab saved the worksheet while this one had unsaved edits: the person picks. */
function OtherTabNotice() {
  const waiting = useWorksheet((s) => s.otherTab !== null)
  const loadOtherTab = useWorksheet((s) => s.loadOtherTab)
  const keepMine = useWorksheet((s) => s.keepMine)
  if (!waiting) return null
  return (
    <div className="banner" role="alert">
      <p>
        This worksheet was changed in another tab while you had unsaved edits here. Nothing from
        this tab is saved until you choose; the version you do not pick stays one Undo away.
      </p>
      <button type="button" onClick={loadOtherTab}>
        Load their version
      </button>
      <button type="button" onClick={keepMine}>
        Keep mine
      </button>
    </div>
  )
}

export function StorageNotice() {
  return (
    <>
      <OtherTabNotice />
      <SavedDataNotice />
    </>
  )
}

function SavedDataNotice() {
  const notice = useWorksheet((s) => s.storageNotice)
  const dismiss = useWorksheet((s) => s.dismissStorageNotice)
  const saveOverUnreadable = useWorksheet((s) => s.saveOverUnreadable)
  const loadClosedTab = useWorksheet((s) => s.loadClosedTab)
  const [problem, setProblem] = useState<string | null>(null)
  if (!notice) return null
  return (
    <div className="banner" role="alert">
      <p>
        {message(notice)}
        {problem !== null && ` ${problem}`}
      </p>
      {notice.kind === 'closedTab' && (
        <button
          type="button"
          onClick={() => {
            // Loaded, it is the saved worksheet (and Undo shows the one before it).
            loadClosedTab()
            deleteKeptAside(notice.keptAs)
          }}
        >
          Load the kept-aside version
        </button>
      )}
      {(notice.kind === 'closedTab' || notice.kind === 'unreadable') && notice.keptAs !== null && (
        <>
          <button
            type="button"
            onClick={() => {
              const raw = readKeptAside(notice.keptAs)
              if (raw === null) setProblem('The kept-aside copy is no longer in this browser.')
              else {
                downloadText({
                  fileName: notice.kind === 'closedTab' ? CLOSED_TAB_DOWNLOAD : DOWNLOAD_NAME,
                  text: raw,
                  type: 'application/json',
                })
              }
            }}
          >
            Download the kept-aside copy
          </button>
          <button
            type="button"
            onClick={() => {
              deleteKeptAside(notice.keptAs)
              dismiss()
            }}
          >
            Delete the kept-aside copy
          </button>
        </>
      )}
      {notice.kind === 'unreadable' && notice.keptAs === null ? (
        <>
          <button
            type="button"
            onClick={() => {
              downloadText({ fileName: DOWNLOAD_NAME, text: notice.raw, type: 'application/json' })
            }}
          >
            Download the unreadable data
          </button>
          {/* No Dismiss: while saving waits, the page must keep saying so. */}
          <button type="button" onClick={saveOverUnreadable}>
            Replace it and save my edits
          </button>
        </>
      ) : (
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      )}
    </div>
  )
}
