"""Cases: review decisions on findings, the discipline ladder per employee, deadlines on working
days, letters, the employee's response and appeals, notifications."""
