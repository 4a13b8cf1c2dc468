/** Line icons of the navigation (24×24, stroke = currentColor). */
const paths: Record<string, string[]> = {
  members: ['M3 21V9l9-6 9 6v12', 'M9 21v-6h6v6', 'M3 21h18'],
  partnerships: ['M8 12a4 4 0 1 0 0-.01', 'M16 12a4 4 0 1 0 0-.01', 'M12 9.2a4 4 0 0 1 0 5.6'],
  agreements: ['M7 3h7l5 5v13H7z', 'M14 3v5h5', 'M10 13h6', 'M10 17h6'],
  statistics: ['M4 20V10', 'M10 20V4', 'M16 20v-7', 'M22 20H2'],
  map: ['M9 4 3 6v14l6-2 6 2 6-2V4l-6 2z', 'M9 4v14', 'M15 6v14'],
  requests: ['M4 5h16v11H8l-4 4z', 'M8 9h8', 'M8 12h5'],
  settings: [
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
    'M19 12h2M3 12h2M12 3v2M12 19v2M17 7l1.5-1.5M5.5 18.5 7 17M17 17l1.5 1.5M5.5 5.5 7 7',
  ],
  help: [
    'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
    'M9.5 9.2a2.6 2.6 0 1 1 3.6 2.4c-.7.3-1.1.9-1.1 1.6v.6',
    'M12 17h.01',
  ],
  logo: ['M7 12a5 5 0 1 0 0-.01', 'M17 12a5 5 0 1 0 0-.01'],
};

export function Icon({ name, size = 20 }: { name: string; size?: number }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {(paths[name] ?? []).map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
