//! A generated plan of realistic rows for benchmarks (not committed: made on the fly).

/// Write a CSV plan with `n` actions: about 300 bytes a row.
pub fn generate_csv(n: usize) -> Vec<u8> {
    const DUE: [&str; 10] = [
        "March 2025",
        "Mar-25",
        "2024/25",
        "Q3 2024/25",
        "Summer 2025",
        "Ongoing",
        "31/03/2025",
        "Sept 2025",
        "Dec-24",
        "Autumn 2025",
    ];
    const STATUS: [(&str, &str); 4] = [
        ("Complete", "Complete"),
        ("In progress", "Within target"),
        ("In progress", "Amber"),
        ("Not started", ""),
    ];
    const OWNERS: [&str; 5] = [
        "Chief Executive",
        "Head of Legal & Democratic Services",
        "Director - Resources / Head of Finance",
        "Head of Communications",
        "Executive Member & Director – Customers",
    ];
    let mut out = Vec::with_capacity(n * 310);
    out.extend_from_slice("Generated Council – Improvement Plan 2025\n".as_bytes());
    out.extend_from_slice(b"Unique ref,Recommendation number,Recommendation,Action description,Assigned to owner,Month due to be completed,Action delivery status,In progress RAG,Progress comments for 2024/25 Qrt4\n");
    for i in 0..n {
        let rec = i / 5 + 1;
        let (status, rag) = STATUS[i % 4];
        let rec_text = if i % 5 == 0 {
            format!("\"Strengthen the approach to engagement and performance management across the council, recommendation {rec}\"")
        } else {
            String::new()
        };
        let line = format!(
            "CPC{i:07},Recommendation {rec},{rec_text},\"Deliver workstream {i}: review the arrangements, consult staff and partners, and report to Cabinet\",{},{},{status},{rag},\"Update {i}: on track, report to Overview and Scrutiny in the next cycle\"\n",
            OWNERS[i % 5],
            DUE[i % 10],
        );
        out.extend_from_slice(line.as_bytes());
    }
    out
}
