// Every entry from the page (an event, a timer, a message) runs through a guard: Lede's failure is
// logged and never thrown into the page.

export type Guard = (action: () => void) => void;
export type AsyncGuard = (action: () => Promise<void>) => Promise<void>;

export function guardWith(label: string): { guard: Guard; guardAsync: AsyncGuard } {
  return {
    guard(action) {
      try {
        action();
      } catch (error) {
        console.warn(label, error);
      }
    },
    async guardAsync(action) {
      try {
        await action();
      } catch (error) {
        console.warn(label, error);
      }
    },
  };
}
