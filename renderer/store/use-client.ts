import type { ApiClient } from '../api/client';
import { useApp } from './context';

export const useClient = (): ApiClient => useApp((s) => s.client);
