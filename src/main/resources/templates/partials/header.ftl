<div style="padding:16px 0;border-bottom:2px solid #9a3b2e;font-size:20px;font-weight:bold;color:#9a3b2e">${sender.brand}</div>
