// A ref that holds the latest value of something a timer, listener or unmount clean-up reads later,
// after the render that made it. React asks that refs not be written during render (a render may be
// thrown away), so the ref is brought up to date once the render is committed.
import { useLayoutEffect, useRef } from 'react';

export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
