/**
 * The memory that upload bodies are received into, reused from one upload to the next and bounded in
 * total. Uploads `open` a lease that counts the bytes as they arrive: a phone trickling a 14 MB photo
 * over a weak link holds only what it has sent, so it never keeps a fast phone waiting (reserving the
 * whole Content-Length up front let a few slow senders block everyone). When the arrived bytes pass
 * the budget, every upload but the oldest pauses (its TCP window fills and the phone sends more
 * slowly); the oldest always goes on, so the uploads finish one after another instead of all waiting.
 * The whole size can still be reserved up front with `reserve` (served in arrival order).
 *
 * Why reuse: on a virtual machine every fresh page costs a fault (measured ~16 µs here), and a photo
 * received into new buffers touched ~750 fresh pages, more CPU than parsing the whole request. A slab
 * handed back and reused is already mapped.
 */
const SLAB_STEP = 1024 * 1024;

export interface UploadLease {
  /** At least the reserved size; only this upload uses it until `release`. */
  buffer: Buffer;
  release(): void;
}

/** A lease whose size counts as its bytes arrive (`open`). */
export interface ArrivingLease extends UploadLease {
  /**
   * `bytes` more have arrived. Over the budget this returns a promise: read nothing more until it
   * settles (it rejects with the signal's reason when the upload is given up).
   */
  arrived(bytes: number, signal?: AbortSignal): Promise<void> | undefined;
}

interface ArrivingWaiter {
  lease: object;
  resolve(): void;
}

export class UploadMemory {
  private inUse = 0;
  /** Open arriving leases, oldest first. */
  private readonly open_ = new Set<object>();
  private readonly paused: ArrivingWaiter[] = [];
  private readonly free: Buffer[] = [];
  private freeBytes = 0;
  private readonly waiting: { size: number; resolve: () => void }[] = [];

  constructor(readonly capacity: number) {}

  async reserve(bytes: number): Promise<UploadLease> {
    const size = Math.min(Math.ceil(Math.max(1, bytes) / SLAB_STEP) * SLAB_STEP, this.capacity);
    if (this.waiting.length > 0 || this.inUse + size > this.capacity)
      await new Promise<void>((resolve) => this.waiting.push({ size, resolve }));
    else this.inUse += size;
    const buffer = this.takeSlab(size);
    let released = false;
    return {
      buffer,
      release: () => {
        if (released) return;
        released = true;
        this.inUse -= size;
        this.free.push(buffer);
        this.freeBytes += buffer.length;
        this.wakeWaiting();
      },
    };
  }

  open(expected: number): ArrivingLease {
    const size = Math.min(Math.ceil(Math.max(1, expected) / SLAB_STEP) * SLAB_STEP, this.capacity);
    const buffer = this.takeSlab(size);
    const id = {};
    this.open_.add(id);
    let counted = 0;
    let released = false;
    return {
      buffer,
      arrived: (bytes, signal) => {
        if (released) return undefined;
        counted += bytes;
        this.inUse += bytes;
        if (this.inUse <= this.capacity || this.open_.values().next().value === id) return undefined;
        return new Promise<void>((resolve, reject) => {
          const waiter: ArrivingWaiter = { lease: id, resolve };
          this.paused.push(waiter);
          signal?.addEventListener(
            'abort',
            () => {
              const at = this.paused.indexOf(waiter);
              if (at >= 0) this.paused.splice(at, 1);
              reject(signal.reason);
            },
            { once: true },
          );
        });
      },
      release: () => {
        if (released) return;
        released = true;
        this.open_.delete(id);
        this.inUse -= counted;
        this.free.push(buffer);
        this.freeBytes += buffer.length;
        this.wakeWaiting();
      },
    };
  }

  /** A free slab of at least `size` (the smallest such), else a new one after dropping enough free ones. */
  private takeSlab(size: number): Buffer {
    let best = -1;
    this.free.forEach((slab, index) => {
      if (slab.length >= size && (best < 0 || slab.length < (this.free[best] as Buffer).length)) best = index;
    });
    if (best >= 0) {
      const [slab] = this.free.splice(best, 1) as [Buffer];
      this.freeBytes -= slab.length;
      return slab;
    }
    while (this.free.length > 0 && this.inUse + this.freeBytes > this.capacity) {
      this.freeBytes -= (this.free.shift() as Buffer).length;
    }
    return Buffer.allocUnsafeSlow(size);
  }

  private wakeWaiting(): void {
    const oldest = this.open_.values().next().value;
    for (let at = 0; at < this.paused.length; ) {
      const waiter = this.paused[at] as ArrivingWaiter;
      if (this.inUse <= this.capacity || waiter.lease === oldest) {
        this.paused.splice(at, 1);
        waiter.resolve();
      } else at += 1;
    }
    for (
      let next = this.waiting[0];
      next && this.inUse + next.size <= this.capacity;
      next = this.waiting[0]
    ) {
      this.waiting.shift();
      this.inUse += next.size;
      next.resolve();
    }
  }
}
