import { useSyncExternalStore } from 'react';
import { currentAccount, subscribe, type SessionAccount } from './session.js';

export function useSession(): SessionAccount | null {
  return useSyncExternalStore(subscribe, currentAccount, () => null);
}
