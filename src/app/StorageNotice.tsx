import { useWorksheet } from '../store/worksheet'
import './App.css'

export function StorageNotice() {
  const notice = useWorksheet((s) => s.storageNotice)
  const dismiss = useWorksheet((s) => s.dismissStorageNotice)
  if (!notice) return null
  return (
    <div className="banner" role="alert">
      <p>{notice}</p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  )
}
