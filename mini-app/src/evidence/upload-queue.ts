/**
 * Photos waiting to be uploaded, kept in IndexedDB so a reload, a crash or a dead network never loses
 * one. A photo leaves the queue only when the server has stored it, or when the person removes it.
 */
const DB_NAME = 'loa-evidence';
const STORE = 'uploads';

export interface QueuedPhoto {
  id: string;
  assignmentId: string;
  blob: Blob;
  fileName: string;
  /** Zalo tokens captured when the photo was taken; the location token expires after ~2 minutes. */
  zaloAccessToken: string;
  locationToken: string;
  createdAt: number;
  attempts: number;
  /** The server refused it (4xx): retrying cannot help, the person must act. */
  refusedMessage?: string;
}

let opening: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex('assignmentId', 'assignmentId');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = undefined;
      reject(request.error);
    };
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = work(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

export function putQueued(photo: QueuedPhoto): Promise<IDBValidKey> {
  return run('readwrite', (store) => store.put(photo));
}

export function removeQueued(id: string): Promise<undefined> {
  return run('readwrite', (store) => store.delete(id));
}

export async function listQueued(assignmentId: string): Promise<QueuedPhoto[]> {
  const all = await run<QueuedPhoto[]>('readonly', (store) =>
    store.index('assignmentId').getAll(IDBKeyRange.only(assignmentId)),
  );
  return all.sort((a, b) => a.createdAt - b.createdAt);
}
