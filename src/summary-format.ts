/** How the job summary writes numbers and text: shared by its sections. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}

export function formatRate(rate: number | undefined): string {
  return rate === undefined ? '—' : `${(rate * 100).toFixed(2)}%`
}
