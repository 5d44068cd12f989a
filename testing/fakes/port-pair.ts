// Two connected ends of a runtime.Port, in memory, as Chrome behaves: a message arrives later
// (never during postMessage), copied as JSON, after every message posted before it; disconnecting
// one end fires onDisconnect at the other end only, after the messages already on their way, and
// closes that end then; posting on a closed end throws.

export interface FakePort {
  readonly name: string;
  readonly sender?: { id?: string; url?: string; tab?: { id?: number }; frameId?: number };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

interface End {
  open: boolean;
  messages: ((message: unknown) => void)[];
  disconnects: (() => void)[];
}

/** [the connecting side's end, the listening side's end (with `sender`, as onConnect gives it)]. */
export function portPair(name: string, sender: FakePort['sender']): [FakePort, FakePort] {
  const ends: [End, End] = [
    { open: true, messages: [], disconnects: [] },
    { open: true, messages: [], disconnects: [] },
  ];
  const make = (self: number, withSender: FakePort['sender'] | undefined): FakePort => {
    const own = ends[self]!;
    const other = ends[1 - self]!;
    return {
      name,
      sender: withSender,
      postMessage(message) {
        if (!own.open) throw new Error('Attempting to use a disconnected port object');
        const copy: unknown = JSON.parse(JSON.stringify(message));
        setTimeout(() => {
          if (other.open) for (const listener of other.messages) listener(copy);
        }, 0);
      },
      disconnect() {
        if (!own.open) return;
        own.open = false;
        setTimeout(() => {
          if (!other.open) return;
          other.open = false;
          for (const listener of other.disconnects) listener();
        }, 0);
      },
      onMessage: { addListener: (listener) => void own.messages.push(listener) },
      onDisconnect: { addListener: (listener) => void own.disconnects.push(listener) },
    };
  };
  return [make(0, undefined), make(1, sender)];
}
