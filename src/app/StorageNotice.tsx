import { STORAGE_KEY, useWorksheet } from '../store/worksheet'
import type { StorageNotice as Notice } from '../store/storageSafety'
import './App.css'

function message(notice: Notice): string {
  if (notice.kind === 'saveFailed') {
    return 'This browser refused to save the worksheet (storage full or disabled). Your edits stay until you close the page.'
  }
  const opening = `Your saved worksheet could not be opened. ${notice.reason}`
  return notice.keptAs === null
    ? `${opening} This browser also refused to store a copy of it (storage full), so it is still under "${STORAGE_KEY}" only until your first edit is saved over it. The example worksheet was loaded instead.`
    : `${opening} It was kept unchanged in this browser's storage under "${notice.keptAs}", and the example worksheet was loaded instead.`
}

export function StorageNotice() {
  const notice = useWorksheet((s) => s.storageNotice)
  const dismiss = useWorksheet((s) => s.dismissStorageNotice)
  if (!notice) return null
  return (
    <div className="banner" role="alert">
      <p>{message(notice)}</p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  )
}
