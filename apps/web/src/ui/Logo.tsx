/** The mark: a blueprint-print block (indigo square, white resist pattern of four petals). */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#1f2a6b" />
      <g fill="#ffffff">
        <circle cx="16" cy="9" r="4" />
        <circle cx="16" cy="23" r="4" />
        <circle cx="9" cy="16" r="4" />
        <circle cx="23" cy="16" r="4" />
      </g>
      <circle cx="16" cy="16" r="3" fill="#f0b429" />
    </svg>
  );
}
