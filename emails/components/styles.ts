/** The inline styles every email shares (mail clients ignore style sheets). */
export const styles = {
  body: {
    backgroundColor: "#f4f4f5",
    fontFamily: "Arial, Helvetica, sans-serif",
    color: "#1f2937",
    margin: 0,
    padding: "24px 0",
  },
  container: {
    backgroundColor: "#ffffff",
    maxWidth: "560px",
    margin: "0 auto",
    padding: "24px 28px",
    borderRadius: "6px",
  },
  heading: { fontSize: "24px", lineHeight: "32px", margin: "0 0 16px", color: "#111827" },
  text: { fontSize: "16px", lineHeight: "24px", margin: "0 0 14px" },
  label: { fontWeight: 700 },
  small: { fontSize: "14px", lineHeight: "20px", color: "#4b5563", margin: "0 0 10px" },
  button: {
    backgroundColor: "#1d4ed8",
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 700,
    padding: "12px 20px",
    borderRadius: "6px",
    textDecoration: "none",
    display: "inline-block",
  },
  link: { color: "#1d4ed8", wordBreak: "break-all" as const },
  hr: { borderColor: "#e5e7eb", margin: "24px 0 16px" },
  footer: { fontSize: "13px", lineHeight: "18px", color: "#6b7280", margin: 0 },
};
