import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')!).render(<h1>知保 ZhiBao</h1>)
