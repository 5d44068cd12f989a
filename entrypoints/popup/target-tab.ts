/**
 * The tab the popup reports on: `?tab=<id>` when given (tests open popup.html in a tab of its
 * own that way), else the active tab of the current window.
 */
export async function resolveTargetTab(
  search: string,
  activeTabId: () => Promise<number | undefined>,
): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null) {
    const id = Number(param);
    return /^\d+$/.test(param) && Number.isSafeInteger(id) ? id : null;
  }
  return (await activeTabId()) ?? null;
}
