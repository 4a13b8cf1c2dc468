/**
 * Resolves in a new task, after the browser had its turn (input, painting): long work awaits it
 * between steps. A MessageChannel message, not a timer (nested timers are clamped to 4 ms).
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
