/// ReconReport: Markdown and HTML reports and the SVG chart kit.
public enum ReconReport {}
